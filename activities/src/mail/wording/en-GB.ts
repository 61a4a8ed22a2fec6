import { enUS, type Wording } from './en-US.js';

/** British English: American English with the few phrases that differ. */
export const enGB: Wording = {
  ...enUS,
  refund: { ...enUS.refund, timing: 'Depending on your bank, the money may take 5 to 10 working days to show up.' },
};
