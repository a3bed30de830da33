/** The step panel's corners: one list for the panel, its placement logic and the stored choice. */
export const CORNERS = ['bottom-right', 'bottom-left', 'top-left', 'top-right'] as const;
export type Corner = (typeof CORNERS)[number];
