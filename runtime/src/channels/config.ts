import { type Channel, channels, taskChannels } from '@journey/shared';
import { type ChannelAdapter, type ChannelAdapters, logAdapter, webhookAdapter } from './adapters';

/** Names every channel not given its own entry, except the staff-task channels. */
const EVERY_OTHER_CHANNEL = '*';
/** Staff tasks (branchTask, callCenter) are delivered by the runtime itself; `*` must not silently turn them off. */
const builtIn: readonly Channel[] = taskChannels;

export type ChannelConfigParse = { ok: true; adapters: ChannelAdapters } | { ok: false; problems: string[] };

const isChannel = (name: string): name is Channel => (channels as readonly string[]).includes(name);

function adapterFrom(spec: string): ChannelAdapter | string {
  if (spec === 'log') return logAdapter;
  if (!spec.startsWith('webhook:')) return `unknown adapter "${spec}": use "log" or "webhook:<http(s) URL>"`;
  const url = spec.slice('webhook:'.length);
  if (!URL.canParse(url)) return `"${url}" is not a URL`;
  const { protocol } = new URL(url);
  if (protocol !== 'http:' && protocol !== 'https:') return `"${url}" must be an http or https URL`;
  return webhookAdapter(url);
}

/**
 * Parses the `JOURNEY_CHANNELS` setting: comma-separated `channel=adapter` entries, where the adapter is `log`
 * (record only) or `webhook:<URL>` and the channel `*` covers every channel without its own entry (except the
 * staff-task channels, which keep their built-in task queues unless named), e.g.
 * `sms=webhook:http://127.0.0.1:9000/sms,*=log`. URLs cannot contain commas (percent-encode them as %2C).
 * Reports every bad entry at once, each quoted, so a typo stops the server at start rather than losing messages.
 */
export function parseChannelConfig(setting: string): ChannelConfigParse {
  const named = new Map<Channel, ChannelAdapter>();
  let fallback: ChannelAdapter | undefined;
  const problems: string[] = [];
  const entries = setting
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const separator = entry.indexOf('=');
    if (separator < 0) {
      problems.push(`"${entry}": expected channel=adapter`);
      continue;
    }
    const channel = entry.slice(0, separator).trim();
    if (channel !== EVERY_OTHER_CHANNEL && !isChannel(channel)) {
      problems.push(`"${entry}": unknown channel "${channel}" (one of ${channels.join(', ')} or *)`);
      continue;
    }
    if ((channel === EVERY_OTHER_CHANNEL && fallback) || (isChannel(channel) && named.has(channel))) {
      problems.push(`"${entry}": channel "${channel}" is configured twice`);
      continue;
    }
    const adapter = adapterFrom(entry.slice(separator + 1).trim());
    if (typeof adapter === 'string') {
      problems.push(`"${entry}": ${adapter}`);
      continue;
    }
    if (isChannel(channel)) named.set(channel, adapter);
    else fallback = adapter;
  }
  if (problems.length > 0) return { ok: false, problems };
  const adapters: ChannelAdapters = {};
  for (const channel of channels) {
    const adapter = named.get(channel) ?? (builtIn.includes(channel) ? undefined : fallback);
    if (adapter) adapters[channel] = adapter;
  }
  return { ok: true, adapters };
}
