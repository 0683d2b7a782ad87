/**
 * The error a refused sign-in throws from authorize(); next-auth hands it to the form as `result.error`. Its own
 * module so the client-side form can import it without pulling in the limiter's database code.
 */
export const RATE_LIMITED = "RATE_LIMITED";
