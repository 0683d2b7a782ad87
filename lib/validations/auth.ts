import { z } from "zod";
import { plainText } from "./text";

// Limits keep a 1 MB form field from reaching argon2 or the database.
export const EMAIL_MAX = 254;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const NAME_MAX = 80;

const email = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(EMAIL_MAX, `Email must be at most ${EMAIL_MAX} characters.`)
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }))
  .transform((value) => value.toLowerCase());

export const SignInSchema = z.object({
  email,
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(PASSWORD_MAX, "Email or password is incorrect."),
});

export const SignUpSchema = z.object({
  name: z
    .string({ error: "Enter your name." })
    .pipe(plainText("Name", NAME_MAX))
    .pipe(z.string().min(1, "Enter your name.")),
  email,
  password: z
    .string({ error: "Choose a password." })
    .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters.`)
    .max(PASSWORD_MAX, `Password must be at most ${PASSWORD_MAX} characters.`),
});

export type SignUpInput = z.infer<typeof SignUpSchema>;

export const ChangePasswordSchema = z.object({
  currentPassword: z
    .string({ error: "Enter your current password." })
    .min(1, "Enter your current password.")
    .max(PASSWORD_MAX, "Your current password is not correct."),
  newPassword: z
    .string({ error: "Choose a new password." })
    .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters.`)
    .max(PASSWORD_MAX, `Password must be at most ${PASSWORD_MAX} characters.`),
});

export const ForgotPasswordSchema = z.object({ email });

export const ResetPasswordSchema = z.object({
  // 32 random bytes in base64url are 43 characters; anything else cannot be a token we made.
  token: z
    .string({ error: "This reset link is not valid." })
    .regex(/^[A-Za-z0-9_-]{43}$/, "This reset link is not valid."),
  newPassword: ChangePasswordSchema.shape.newPassword,
});

export const DeleteAccountSchema = z.object({
  password: z
    .string({ error: "Enter your password to confirm." })
    .min(1, "Enter your password to confirm.")
    .max(PASSWORD_MAX, "Your password is not correct."),
});
