export const DESIGN_WIDTH = 1920;
export const DESIGN_HEIGHT = 1080;
/** Narrower than this, the page is a phone's: one column of cards, scrolling down, never sideways. */
export const PHONE_WIDTH = 640;

/**
 * Scales the 1920×1080 stage to the window, keeping its proportions and centring it (letterboxed), so
 * the screen looks the same on any wall or laptop and never scrolls. On a phone the stage is not scaled:
 * the layout (styles.css, `body[data-layout=phone]`) stacks the headline figures and the alerts as cards.
 * Returns the current scale.
 */
export function fitStage(stage: HTMLElement): number {
  // the layout viewport's width: a phone's browser may zoom out (innerWidth grows) to show a wide page
  const phone = Math.min(window.innerWidth, document.documentElement.clientWidth) < PHONE_WIDTH;
  document.body.dataset.layout = phone ? 'phone' : 'wall';
  if (phone) {
    stage.style.transform = 'none';
    return 1;
  }
  const scale = Math.min(window.innerWidth / DESIGN_WIDTH, window.innerHeight / DESIGN_HEIGHT);
  const x = (window.innerWidth - DESIGN_WIDTH * scale) / 2;
  const y = (window.innerHeight - DESIGN_HEIGHT * scale) / 2;
  stage.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
  return scale;
}
