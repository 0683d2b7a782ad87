/**
 * Universal part-of-speech tags from wink-nlp's English model (decision 016): the generator's second opinion on the
 * words compromise tags, used where a transformation is only safe for some word classes (a fronted preposition, a
 * second verb in a counted phrase, the noun phrase a blank should cover). Pure and offline; one model per process.
 */
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

/** One word or punctuation mark with its universal tag (NOUN, PROPN, VERB, AUX, ADP, ADJ, DET, …) and offsets. */
export interface PosToken {
  text: string;
  pos: string;
  start: number;
  end: number;
}

let nlp: ReturnType<typeof winkNLP> | undefined;
const cache = new Map<string, PosToken[]>();

/**
 * Tags `text` once (cached per distinct text) and gives each token its offsets in `text`.
 *
 * @example
 * posTokens('Between 1995 and 1997, biologists released 41 wolves.')[0] // { text: 'Between', pos: 'ADP', start: 0, end: 7 }
 */
export function posTokens(text: string): PosToken[] {
  const hit = cache.get(text);
  if (hit) return hit;
  nlp ??= winkNLP(model);
  const doc = nlp.readDoc(text);
  const words = doc.tokens().out();
  const tags = doc.tokens().out(nlp.its.pos);
  const out: PosToken[] = [];
  let at = 0;
  words.forEach((word, i) => {
    const start = text.indexOf(word, at);
    // wink normalises some characters (quotes); a token it cannot place keeps the running offset.
    const s = start === -1 ? at : start;
    out.push({ text: word, pos: tags[i] ?? "X", start: s, end: s + word.length });
    at = s + word.length;
  });
  if (cache.size > 4000) cache.clear();
  cache.set(text, out);
  return out;
}
