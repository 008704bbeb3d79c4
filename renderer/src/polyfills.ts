/**
 * What the board uses that its oldest supported players (Chromium 76, Safari 14: docs/players.md) lack, installed
 * only where missing. Imported first by each entry and bundled into the boot script (boot/guard.ts), a classic
 * script that runs before any module: a chunk evaluated before the entry's own code finds them in place too.
 */

// Chrome 92, Safari 15.4.
if (!Array.prototype.at) {
  Object.defineProperty(Array.prototype, 'at', {
    configurable: true,
    writable: true,
    value: function at<T>(this: T[], index: number): T | undefined {
      const i = Math.trunc(index) || 0;
      return this[i < 0 ? this.length + i : i];
    },
  });
}

// Chrome 103, Safari 16: a request that waits at most `ms`.
if (typeof AbortSignal !== 'undefined' && !('timeout' in AbortSignal)) {
  Object.defineProperty(AbortSignal, 'timeout', {
    configurable: true,
    writable: true,
    value: function timeout(ms: number): AbortSignal {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), ms);
      return controller.signal;
    },
  });
}

// Chrome 86, Safari 14.
for (const proto of [Element.prototype, Document.prototype, DocumentFragment.prototype]) {
  if (!('replaceChildren' in proto)) {
    Object.defineProperty(proto, 'replaceChildren', {
      configurable: true,
      writable: true,
      value: function replaceChildren(this: ParentNode & Node, ...nodes: (Node | string)[]): void {
        while (this.lastChild) this.removeChild(this.lastChild);
        this.append(...nodes);
      },
    });
  }
}
