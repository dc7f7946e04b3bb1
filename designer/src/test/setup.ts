// jsdom lacks the layout APIs React Flow measures with; these stand-ins report a fixed size so it renders.
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import '../i18n';
import { useToasts } from '../ui/toasts';

class ResizeObserverStub {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    this.callback([{ target } as ResizeObserverEntry], this);
  }
  unobserve() {}
  disconnect() {}
}

class DOMMatrixReadOnlyStub {
  readonly m22: number;
  constructor(transform?: string) {
    const scale = transform?.match(/scale\(([\d.]+)\)/)?.[1];
    this.m22 = scale === undefined ? 1 : Number(scale);
  }
}

// Pages load lazily; on a loaded CI machine the first import of a page can take longer than the 1 s default.
configure({ asyncUtilTimeout: 5_000 });

globalThis.ResizeObserver = ResizeObserverStub;
// jsdom's Blob cannot read itself back; browsers' can.
Blob.prototype.text ??= function text(this: Blob) {
  return new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(this);
  });
};
globalThis.DOMMatrixReadOnly = DOMMatrixReadOnlyStub as unknown as typeof DOMMatrixReadOnly;
Object.defineProperties(HTMLElement.prototype, {
  offsetWidth: {
    get(this: HTMLElement) {
      return Number.parseFloat(this.style.width) || 200;
    },
  },
  offsetHeight: {
    get(this: HTMLElement) {
      return Number.parseFloat(this.style.height) || 100;
    },
  },
});

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.unstubAllGlobals();
  window.location.hash = '';
  useToasts.setState({ toasts: [] });
});
