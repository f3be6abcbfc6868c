/**
 * A minimal React DevTools hook, installed before react-dom loads (this module is imported first),
 * so the render-cost page can count the components React renders in each commit. It does nothing
 * unless counting is on.
 */

interface Fiber {
  tag: number;
  flags: number;
  child: Fiber | null;
  sibling: Fiber | null;
  alternate: Fiber | null;
}

/** Function, class, forwardRef, memo and simple-memo components (React's fiber tags). */
const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]);
/** React's `PerformedWork` flag: the component's render function ran in this render. */
const PERFORMED_WORK = 1;

export const reactCount = { on: false, renders: 0, commits: 0 };

/**
 * Counts the components rendered in the commit whose new tree starts at `fiber`: a fiber mounted
 * (no alternate) or one that performed work. A subtree whose child list is the previous tree's own
 * (`child === alternate.child`) was bailed out of without cloning, so nothing under it rendered.
 */
function countRendered(root: Fiber): number {
  let count = 0;
  const stack: Fiber[] = [root];
  while (stack.length) {
    const fiber = stack.pop()!;
    const prev = fiber.alternate;
    if (COMPONENT_TAGS.has(fiber.tag) && (!prev || fiber.flags & PERFORMED_WORK)) count++;
    if (prev && fiber.child === prev.child) continue;
    for (let c = fiber.child; c; c = c.sibling) stack.push(c);
  }
  return count;
}

const hook = {
  renderers: new Map<number, unknown>(),
  supportsFiber: true,
  isDisabled: false,
  inject(renderer: unknown): number {
    const id = this.renderers.size + 1;
    this.renderers.set(id, renderer);
    return id;
  },
  checkDCE(): void {},
  onScheduleFiberRoot(): void {},
  onCommitFiberRoot(_id: number, root: { current: Fiber }): void {
    if (!reactCount.on) return;
    reactCount.commits++;
    reactCount.renders += countRendered(root.current);
  },
  onPostCommitFiberRoot(): void {},
  onCommitFiberUnmount(): void {},
};

(
  globalThis as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: typeof hook }
).__REACT_DEVTOOLS_GLOBAL_HOOK__ = hook;
