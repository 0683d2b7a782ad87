// The parts of the FSRS optimizer's native binding that lib/srs/optimizer.ts uses.
// Copied from @open-spaced-repetition/binding 0.5.0 dist/index.d.ts (the platform packages ship no types).
declare module "@open-spaced-repetition/binding-linux-x64-gnu" {
  export class FSRSBindingReview {
    constructor(rating: number, deltaT: number);
    /** 1-4 */
    get rating(): number;
    /** Days since the previous review; must be 0 for the first review. */
    get deltaT(): number;
  }

  /** A card's reviews in chronological order; the last one is the review being predicted. */
  export class FSRSBindingItem {
    constructor(reviews: Array<FSRSBindingReview>);
    get reviews(): Array<FSRSBindingReview>;
    get current(): FSRSBindingReview | null;
    longTermReviewCnt(): number;
  }

  export interface TrainingConfig {
    numEpochs: number;
    batchSize: number;
    seed: number;
    maxSeqLen: number;
    learningRate: number;
    gamma: number;
  }

  export interface ComputeParametersOptions {
    /** Whether to enable short-term memory parameters */
    enableShortTerm: boolean;
    /** Number of relearning steps */
    numRelearningSteps?: number;
    /** Training hyperparameters. Omitted fields use fsrs-rs defaults. */
    trainingConfig?: TrainingConfig;
    progress?: (current: number, total: number) => boolean | undefined | void;
    timeout?: number;
  }

  /** Calculate appropriate parameters for the provided review history. */
  export function computeParameters(
    trainSet: Array<FSRSBindingItem>,
    options?: ComputeParametersOptions,
  ): Promise<number[]>;
}
