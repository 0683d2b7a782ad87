/** Why a learner flags an item, with the labels the study screen and the owner's queue show. A module of its own so
 * the study screen's client bundle does not take in the edit schemas. */
export const FLAG_REASONS = { wrong_answer: "Wrong answer", unclear: "Unclear", typo: "Typo" } as const;
export type FlagReason = keyof typeof FLAG_REASONS;
