import type { CodeSet } from '../codeset/types';
import type { Settings } from '../core/settings';
import type { GuideIndex } from '../guides/types';

/** What every feature reads: the code set, the guides and the settings (one home, so features never import each other for it). */
export interface FeatureContext {
  codeSet: CodeSet;
  guides: GuideIndex;
  settings: Settings;
}
