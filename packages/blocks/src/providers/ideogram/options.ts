/** Value sets of the Ideogram block's pins; the strings are Ideogram's own API values. */
export const ideogramModels = ['V_3', 'V_2', 'V_1', 'V_1_TURBO', 'V_2_TURBO'] as const;
export type IdeogramModel = (typeof ideogramModels)[number];

export const aspectRatios = [
  'ASPECT_10_16',
  'ASPECT_16_10',
  'ASPECT_9_16',
  'ASPECT_16_9',
  'ASPECT_3_2',
  'ASPECT_2_3',
  'ASPECT_4_3',
  'ASPECT_3_4',
  'ASPECT_1_1',
  'ASPECT_1_3',
  'ASPECT_3_1',
] as const;
export type AspectRatio = (typeof aspectRatios)[number];

export const upscaleOptions = ['AI Upscale', 'No Upscale'] as const;
export const magicPromptOptions = ['AUTO', 'ON', 'OFF'] as const;
export const styleTypes = ['AUTO', 'GENERAL', 'REALISTIC', 'DESIGN', 'RENDER_3D', 'ANIME'] as const;
export type StyleType = (typeof styleTypes)[number];
export const colorPalettes = [
  'NONE',
  'EMBER',
  'FRESH',
  'JUNGLE',
  'MAGIC',
  'MELON',
  'MOSAIC',
  'PASTEL',
  'ULTRAMARINE',
] as const;

/** V_1 models predate style types and colour palettes; Ideogram rejects those fields for them. */
export function supportsStyle(model: IdeogramModel): boolean {
  return model !== 'V_1' && model !== 'V_1_TURBO';
}

/** The 3.0 endpoint writes ratios as "16x9" where the legacy one says "ASPECT_16_9". */
export function v3AspectRatio(ratio: AspectRatio): string {
  return ratio.slice('ASPECT_'.length).replace('_', 'x');
}

/** The 3.0 endpoint knows only these style types; the others fall back to AUTO. */
export function v3StyleType(style: StyleType): string {
  return style === 'GENERAL' || style === 'REALISTIC' || style === 'DESIGN' ? style : 'AUTO';
}
