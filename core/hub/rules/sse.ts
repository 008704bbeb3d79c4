/**
 * A reader of server-sent events (the WHATWG event-stream format) for hosts
 * without EventSource (the kiosk's main process, Node tests): text in as it
 * arrives, whole events out. Comments (keep-alives) count as life, not events.
 */
export interface StreamEvent {
  event: string;
  data: string;
}

export class EventStreamParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  private readonly emit: (event: StreamEvent) => void;

  constructor(emit: (event: StreamEvent) => void) {
    this.emit = emit;
  }

  push(chunk: string): void {
    this.buffer += chunk;
    // A line ends with CRLF, LF or CR; a CR at the very end may be half of a CRLF still to come.
    for (;;) {
      const m = /\r\n|\n|\r(?!$)/.exec(this.buffer);
      if (m === null) break;
      const line = this.buffer.slice(0, m.index);
      this.buffer = this.buffer.slice(m.index + m[0].length);
      this.line(line);
    }
  }

  private line(line: string): void {
    if (line === '') {
      if (this.data.length > 0) this.emit({ event: this.event || 'message', data: this.data.join('\n') });
      this.event = '';
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
  }
}
