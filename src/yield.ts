// Long work on the page's thread is cut into slices; between them the page yields so frames and input run.
export type Yield = () => Promise<void>

/** yields through a macrotask, so rendering and input can run between slices */
export const yieldToLoop: Yield = () => new Promise((r) => setTimeout(r, 0))
