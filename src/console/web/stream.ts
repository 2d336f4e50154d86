import { useEffect, useState } from 'preact/hooks';
import { request } from './api';
import { SseParser } from './sse-parser';
import type { Localized } from './i18n';
import type { JsonObject, StateValue } from './types';

/** An appended event as /api/stream announces it. */
export interface StreamEvent {
  projectId: string;
  projectTitle?: string;
  definition?: { key: string; version: number };
  version?: number;
  type: string;
  label?: Localized;
  actor?: { id: string; role: string; name?: string };
  occurredAt?: string;
  stateAfter?: StateValue | null;
  payload?: JsonObject;
}

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'polling';

type Handler = (event: StreamEvent) => void;

const handlers = new Set<Handler>();
const statusHandlers = new Set<(status: LiveStatus) => void>();
let status: LiveStatus = 'connecting';
let controller: AbortController | undefined;
let pollTimer: number | undefined;
/** Where the stream was when it dropped: a reconnect resumes after it, so nothing is missed. */
let lastEventId: string | undefined;
/** A resumed stream may repeat the events of a few seconds before its position (same ids). */
const seen = new Set<string>();
const SEEN_KEPT = 500;

/** Starts the one stream of the page (for a new session, from now); events fan out to subscribers. */
export function startStream(): void {
  stopStream();
  lastEventId = undefined;
  seen.clear();
  controller = new AbortController();
  void run(controller.signal);
}

export function stopStream(): void {
  controller?.abort();
  controller = undefined;
  if (pollTimer !== undefined) clearInterval(pollTimer);
  pollTimer = undefined;
}

async function run(signal: AbortSignal): Promise<void> {
  let delay = 1000;
  while (!signal.aborted) {
    try {
      const headers: Record<string, string> = { Accept: 'text/event-stream' };
      if (lastEventId !== undefined) headers['Last-Event-ID'] = lastEventId;
      const response = await request('/api/stream', { headers, signal });
      setStatus('live');
      delay = 1000;
      await read(response, signal);
    } catch (error) {
      if (signal.aborted) return;
      const status = (error as { status?: number }).status;
      if (status === 401) return;
      // A position the server no longer understands: start again from now rather than loop.
      if (status === 422) lastEventId = undefined;
      // No stream on this server (yet): subscribers are told to poll instead.
      if (status === 404 || status === 403) return startPolling(signal);
    }
    if (signal.aborted) return;
    setStatus('reconnecting');
    await sleep(delay, signal);
    delay = Math.min(delay * 2, 15000);
  }
}

async function read(response: Response, signal: AbortSignal): Promise<void> {
  const reader = response.body?.getReader();
  if (!reader) return;
  const parser = new SseParser();
  const decoder = new TextDecoder();
  signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined));
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    for (const message of parser.push(decoder.decode(value, { stream: true }))) {
      if (message.id === undefined || !seen.has(message.id)) deliver(message.data);
      if (message.id !== undefined) remember(message.id);
    }
    lastEventId = parser.lastEventId ?? lastEventId;
  }
}

function remember(id: string): void {
  seen.add(id);
  if (seen.size > SEEN_KEPT) seen.delete(seen.values().next().value ?? id);
}

function deliver(data: string): void {
  let event: StreamEvent;
  try {
    event = JSON.parse(data) as StreamEvent;
  } catch {
    return;
  }
  if (typeof event.projectId !== 'string' || typeof event.type !== 'string') return;
  for (const handler of handlers) handler(event);
}

/** Without a stream, subscribers are pinged every 5 s with an empty event to refresh themselves. */
function startPolling(signal: AbortSignal): void {
  setStatus('polling');
  pollTimer = window.setInterval(() => {
    if (signal.aborted) return;
    for (const handler of handlers) handler({ projectId: '', type: '' });
  }, 5000);
}

function setStatus(next: LiveStatus): void {
  status = next;
  for (const handler of statusHandlers) handler(next);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Runs `handler` for every appended event while the component is mounted. */
export function useStreamEvents(handler: Handler): void {
  useEffect(() => {
    handlers.add(handler);
    return () => {
      handlers.delete(handler);
    };
  }, [handler]);
}

export function useLiveStatus(): LiveStatus {
  const [value, setValue] = useState(status);
  useEffect(() => {
    statusHandlers.add(setValue);
    return () => {
      statusHandlers.delete(setValue);
    };
  }, []);
  return value;
}
