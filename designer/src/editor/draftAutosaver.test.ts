import type { JourneyDocument } from '@journey/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { smallJourney } from '../test/fixtures';
import { DraftAutosaver } from './draftAutosaver';

const renamed = (document: JourneyDocument, name: string): JourneyDocument => ({ ...document, name });

/** A save the test settles by hand. */
function deferredSaves() {
  const pending: Array<{ document: JourneyDocument; resolve(): void; reject(error: Error): void }> = [];
  const save = vi.fn(
    (document: JourneyDocument) =>
      new Promise<void>((resolve, reject) => {
        pending.push({ document, resolve, reject });
      }),
  );
  return { save, pending };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('draft autosave', () => {
  const original = smallJourney();

  it('saves the latest document once the edits pause for the delay', async () => {
    const { save, pending } = deferredSaves();
    const saver = new DraftAutosaver({ saved: original, save, delayMs: 800 });
    saver.change(renamed(original, 'A'));
    await vi.advanceTimersByTimeAsync(500);
    const latest = renamed(original, 'AB');
    saver.change(latest);
    expect(saver.getState().status).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(799);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledExactlyOnceWith(latest);
    expect(saver.getState().status).toBe('saving');
    pending[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.getState().status).toBe('saved');
  });

  it('needs no save when undo returns to the saved document', async () => {
    const { save } = deferredSaves();
    const saver = new DraftAutosaver({ saved: original, save, delayMs: 800 });
    saver.change(renamed(original, 'A'));
    saver.change(original);
    expect(saver.getState().status).toBe('saved');
    await vi.advanceTimersByTimeAsync(2000);
    expect(save).not.toHaveBeenCalled();
  });

  it('sends one save at a time; edits made meanwhile are saved after it', async () => {
    const { save, pending } = deferredSaves();
    const saver = new DraftAutosaver({ saved: original, save, delayMs: 800 });
    saver.change(renamed(original, 'A'));
    await vi.advanceTimersByTimeAsync(800);
    const later = renamed(original, 'B');
    saver.change(later);
    await vi.advanceTimersByTimeAsync(800);
    expect(save).toHaveBeenCalledTimes(1);
    pending[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenLastCalledWith(later);
    expect(saver.getState().status).toBe('saving');
    pending[1]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.getState().status).toBe('saved');
  });

  it('reports a failed save, keeps the edits, and saves them on retry', async () => {
    const { save, pending } = deferredSaves();
    const saver = new DraftAutosaver({ saved: original, save, delayMs: 800 });
    const edited = renamed(original, 'A');
    saver.change(edited);
    await vi.advanceTimersByTimeAsync(800);
    const refused = new Error('body.name: Too small');
    pending[0]?.reject(refused);
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.getState()).toEqual({ status: 'failed', error: refused });
    const retried = saver.flush();
    expect(save).toHaveBeenLastCalledWith(edited);
    pending[1]?.resolve();
    expect(await retried).toBe(true);
    expect(saver.getState().status).toBe('saved');
  });

  it('flush saves at once, without waiting for the delay', async () => {
    const { save, pending } = deferredSaves();
    const saver = new DraftAutosaver({ saved: original, save, delayMs: 800 });
    saver.change(renamed(original, 'A'));
    const flushed = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(1);
    pending[0]?.resolve();
    expect(await flushed).toBe(true);
    await vi.advanceTimersByTimeAsync(2000);
    expect(save).toHaveBeenCalledTimes(1);
  });
});
