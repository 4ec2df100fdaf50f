/**
 * The clinical-note rules, in the order they report. Their ids are the `notes/...` settings keys. Unknown and
 * terminated codes in notes are reported by hcpcs/unknown-code and hcpcs/terminated-code (their checkNote), so one
 * setting governs a rule in claims and notes alike.
 */
import type { Rule } from '../types';
import { missingDocumentation } from './missingDocumentation';
import { contraindication } from './contraindication';

export { MISSING_DOCUMENTATION } from './missingDocumentation';
export { CONTRAINDICATION } from './contraindication';

export const noteRules: readonly Rule[] = [missingDocumentation, contraindication];
