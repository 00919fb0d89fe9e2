/** Placeholder until the renderer lands; replaced by the real measurement. */
export async function rendererBudget() {
  return { skipped: 'renderer not measured yet' }
}
