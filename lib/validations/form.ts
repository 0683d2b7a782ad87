/**
 * Reads the text fields of a submitted form. A server action can be called with any serialisable value by a
 * hand-made request, so anything that is not FormData reads as an empty form (and then fails validation) instead of
 * crashing the action.
 * @example const field = formFields(form); SignUpSchema.safeParse({ email: field("email") })
 */
export function formFields(form: unknown): (key: string) => string | undefined {
  const data = form instanceof FormData ? form : null;
  return (key) => {
    const value = data?.get(key);
    return typeof value === "string" ? value : undefined;
  };
}
