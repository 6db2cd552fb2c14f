export const DESIGN_WIDTH = 1920;
export const DESIGN_HEIGHT = 1080;

/**
 * Scales the 1920×1080 stage to the window, keeping its proportions and centring it (letterboxed), so
 * the screen looks the same on any wall or laptop and never scrolls. Returns the current scale.
 */
export function fitStage(stage: HTMLElement): number {
  const scale = Math.min(window.innerWidth / DESIGN_WIDTH, window.innerHeight / DESIGN_HEIGHT);
  const x = (window.innerWidth - DESIGN_WIDTH * scale) / 2;
  const y = (window.innerHeight - DESIGN_HEIGHT * scale) / 2;
  stage.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
  return scale;
}
