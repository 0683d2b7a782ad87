/**
 * The one rule for "does this acronym stand for these words?", used wherever the generator or its detectors pair an
 * abbreviation with a name: acronym definitions ("NATO Training Mission in Iraq (NTM-I)"), "What does X stand
 * for?" answers and options, and the acronym-mismatch detector.
 */

/** Small words a name holds that may lend their initial ("DoD": Department of Defense) or nothing ("UNESCO"). */
const LINKING = new Set(
  "of the and for in on at to a an with by de du des del della di la le les et y pour von van der für".split(" "),
);

/** Lower-case letters and digits, accents dropped: "NTM-I" → "ntmi", "Autoridad del Canal de Panamá" → words. */
const plain = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/**
 * Do the letters of `acronym` stand for the words of `expansion`, in order and with none left over? Every content
 * word lends its initial and maybe later letters of itself in order ("EUFOR": European Union FORce, "NIRCam":
 * Near-InfraRed CAMera); an abbreviation inside the long form lends its initial or all of itself ("NTM-I": NATO
 * Training Mission in Iraq, "EUNAVFOR": EU Naval Force); a linking word lends its initial, nothing, or a lone
 * lower-case letter of the acronym ("AFBiH": … Bosnia and Herzegovina). So "NATO Mission Iraq" is not NTM-I (no word
 * lends the "T"), "Council" is not UNSC, and "Panama Canal Authority" is not the Spanish "ACP".
 *
 * `initialsOnly`: every word lends its initial alone, linking words theirs or nothing: an acronym defined by a
 * bracket after capitalised words ("Multinational Battalion (MNBN)" is no definition), and whether another name of
 * the document is a second reading of an acronym: "ECtHR" may stand for the European Court of Human Rights, but is
 * no reading of the European Convention on Human Rights (its "t" is no initial), nor of "the IAEA".
 *
 * @example
 * standsFor("NTM-I", "NATO Training Mission in Iraq") // true
 * standsFor("NTM-I", "NATO Mission Iraq") // false
 * standsFor("EUFOR", "European Union Force") // true
 * standsFor("UNSC", "Council") // false
 * standsFor("ECtHR", "European Convention on Human Rights", { initialsOnly: true }) // false
 */
export function standsFor(acronym: string, expansion: string, { initialsOnly = false } = {}): boolean {
  const written = plain(acronym) === acronym.toLowerCase() ? acronym.replace(/[^\p{L}\p{N}]/gu, "") : "";
  const letters = plain(acronym).replace(/[^a-z0-9]/g, "");
  // A lone lower-case letter between capitals stands for a linking word: "BiH" (Bosnia i Herzegovina), "DoD".
  const linkingAt = (at: number) =>
    !initialsOnly && /^\p{Ll}$/u.test(written[at] ?? "") && !/^\p{Ll}$/u.test(written[at + 1] ?? "");
  const spelled = plain(expansion).split(/[^a-z0-9]+/);
  const capitals = expansion
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^A-Za-z0-9]+/)
    .map((w) => /^[A-Z]{2,}$/.test(w));
  const words = spelled.map((word, i) => ({ word, abbreviation: capitals[i]! })).filter((w) => w.word);
  if (letters.length < 2 || words.length === 0) return false;
  const failed = new Set<string>();
  // Letters from `at` on are lent by words from `w` on.
  const lends = (at: number, w: number): boolean => {
    if (w === words.length) return at === letters.length;
    const key = `${at},${w}`;
    if (failed.has(key)) return false;
    const { word, abbreviation } = words[w]!;
    if (LINKING.has(word) && (lends(at, w + 1) || (linkingAt(at) && lends(at + 1, w + 1)))) return true;
    if (word[0] === letters[at]) {
      if (lends(at + 1, w + 1)) return true;
      if (abbreviation && !initialsOnly) {
        // An abbreviation in the long form lends its initial or all of itself ("EUNAVFOR": EU Naval Force).
        if (letters.startsWith(word, at) && lends(at + word.length, w + 1)) return true;
      } else if (!initialsOnly) {
        // A word lends its initial, then any of its later letters in order (Near-InfraRed CAMera, deoxyriboNucleic).
        let from = 0;
        for (let next = at + 1; next < letters.length; next++) {
          from = word.indexOf(letters[next]!, from + 1);
          if (from < 0) break;
          if (lends(next + 1, w + 1)) return true;
        }
      }
    }
    failed.add(key);
    return false;
  };
  return lends(0, 0);
}

/**
 * The fewest trailing words of `words` that `acronym` stands for, opening on a capitalised word; undefined if
 * none: "US Defense Advanced Research Projects Agency (DARPA)" defines "Defense Advanced Research Projects Agency".
 *
 * @example
 * longForm("DARPA", "US Defense Advanced Research Projects Agency") // "Defense Advanced Research Projects Agency"
 * longForm("SFOR", "NATO-led Stabilisation Force") // "Stabilisation Force"
 */
export function longForm(acronym: string, words: string, options: { initialsOnly?: boolean } = {}): string | undefined {
  const parts = words.trim().split(/\s+/);
  for (let i = parts.length - 1; i >= 0; i--) {
    const candidate = parts.slice(i).join(" ");
    // A long form opens on a content word: "Office of the High Representative", not "of the High Representative".
    if (/^\p{Lu}/u.test(candidate) && standsFor(acronym, candidate, options)) return candidate;
  }
  return undefined;
}
