import type { JourneyDocument } from '@journey/shared';

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'failed';

export interface SaveState {
  status: SaveStatus;
  /** Why the last save failed (status 'failed'). */
  error?: unknown;
}

export interface DraftAutosaverOptions {
  /** The document as the server has it. */
  saved: JourneyDocument;
  save(document: JourneyDocument): Promise<unknown>;
  /** Quiet time after the last change before saving. */
  delayMs: number;
}

/**
 * Saves the draft a moment after the editing stops, one request at a time, always the latest document.
 * A failed save stays failed until the next change or `flush()` retries it; nothing is dropped.
 */
export class DraftAutosaver {
  #saved: JourneyDocument;
  #latest: JourneyDocument;
  #state: SaveState = { status: 'saved' };
  #timer: ReturnType<typeof setTimeout> | undefined;
  #inFlight: Promise<void> | undefined;
  readonly #listeners = new Set<() => void>();
  readonly #options: DraftAutosaverOptions;

  constructor(options: DraftAutosaverOptions) {
    this.#options = options;
    this.#saved = options.saved;
    this.#latest = options.saved;
  }

  readonly getState = (): SaveState => this.#state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** The editor's document changed. (Undoing back to the saved document needs no save.) */
  change(document: JourneyDocument): void {
    this.#latest = document;
    this.#clearTimer();
    if (document === this.#saved && !this.#inFlight) {
      this.#set({ status: 'saved' });
      return;
    }
    this.#timer = setTimeout(() => void this.#saveLatest(), this.#options.delayMs);
    if (!this.#inFlight) this.#set({ status: 'unsaved' });
  }

  /** Saves now, until the server has the latest document; false when a save fails. */
  async flush(): Promise<boolean> {
    for (;;) {
      this.#clearTimer();
      if (!(await this.#saveLatest())) return false;
      if (this.#latest === this.#saved) return true;
    }
  }

  /** One save of the latest document, after the one in flight (if any). */
  async #saveLatest(): Promise<boolean> {
    while (this.#inFlight) await this.#inFlight;
    const document = this.#latest;
    if (document === this.#saved) return true;
    this.#set({ status: 'saving' });
    let failure: { error: unknown } | undefined;
    this.#inFlight = this.#options.save(document).then(
      () => {
        this.#saved = document;
      },
      (error: unknown) => {
        failure = { error };
      },
    );
    await this.#inFlight;
    this.#inFlight = undefined;
    if (failure) {
      this.#set({ status: 'failed', error: failure.error });
      return false;
    }
    // Edits made while saving have started their own timer.
    this.#set({ status: this.#latest === this.#saved ? 'saved' : 'unsaved' });
    return true;
  }

  #clearTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #set(state: SaveState): void {
    if (state.status === this.#state.status && state.error === this.#state.error) return;
    this.#state = state;
    for (const listener of this.#listeners) listener();
  }
}
