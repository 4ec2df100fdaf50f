/**
 * The guides that ship with the extension. Imported as JSON so esbuild puts them inside the server bundle
 * (no file reads at start-up). A test checks that every file in data/guides/ is listed here.
 * Validated lazily, once, by loadGuides().
 */
import A9513 from '../../../data/guides/A9513.json';
import A9600 from '../../../data/guides/A9600.json';
import A9604 from '../../../data/guides/A9604.json';
import A9606 from '../../../data/guides/A9606.json';
import A9699 from '../../../data/guides/A9699.json';
import modifier59 from '../../../data/guides/modifier-59.json';
import modifierJW from '../../../data/guides/modifier-JW.json';
import modifierJZ from '../../../data/guides/modifier-JZ.json';
import modifierKX from '../../../data/guides/modifier-KX.json';
import modifierXE from '../../../data/guides/modifier-XE.json';
import modifierXP from '../../../data/guides/modifier-XP.json';
import modifierXS from '../../../data/guides/modifier-XS.json';
import modifierXU from '../../../data/guides/modifier-XU.json';

export interface BundledGuideFile {
  /** Path relative to the repository, for messages: "data/guides/A9600.json". */
  fileName: string;
  data: unknown;
}

const files: Record<string, unknown> = {
  'A9513.json': A9513,
  'A9600.json': A9600,
  'A9604.json': A9604,
  'A9606.json': A9606,
  'A9699.json': A9699,
  'modifier-59.json': modifier59,
  'modifier-JW.json': modifierJW,
  'modifier-JZ.json': modifierJZ,
  'modifier-KX.json': modifierKX,
  'modifier-XE.json': modifierXE,
  'modifier-XP.json': modifierXP,
  'modifier-XS.json': modifierXS,
  'modifier-XU.json': modifierXU,
};

export const bundledGuideFiles: readonly BundledGuideFile[] = Object.entries(files).map(([name, data]) => ({
  fileName: `data/guides/${name}`,
  data,
}));
