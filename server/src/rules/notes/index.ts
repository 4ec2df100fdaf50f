/** The clinical-note rules, in the order they report. Their ids are the `notes/...` settings keys. */
import type { Rule } from '../types';
import { missingDocumentation } from './missingDocumentation';
import { contraindication } from './contraindication';
import { noteUnknownCode } from './unknownCode';

export { MISSING_DOCUMENTATION } from './missingDocumentation';
export { CONTRAINDICATION } from './contraindication';
export { NOTE_UNKNOWN_CODE } from './unknownCode';

export const noteRules: readonly Rule[] = [missingDocumentation, contraindication, noteUnknownCode];
