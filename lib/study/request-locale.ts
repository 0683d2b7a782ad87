import { headers } from "next/headers";
import { localeFromAcceptLanguage } from "./answer-locale";

/**
 * The locale of the browser that sent the current request (its Accept-Language), for grading answers; undefined
 * outside a request (tests, scripts) or when the browser names none.
 *
 * @example
 * await answerItem({ …, locale: await requestLocale() })
 */
export async function requestLocale(): Promise<string | undefined> {
  try {
    return localeFromAcceptLanguage((await headers()).get("accept-language"));
  } catch {
    return undefined;
  }
}
