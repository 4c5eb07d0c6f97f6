import { CLOUDEVENTS_HEADERS, EVENT_CONTRACTS } from '@riskledger/contracts';
import { STREAM_TYPES, type StreamType } from '@riskledger/domain';

const escape = (text: unknown) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface PropertySchema {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  description?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}

/** A page a person can read: every topic, every event version, its fields and the ce_ headers. */
export function renderAsyncApiPage(topicFor: (streamType: StreamType) => string): string {
  const sections = STREAM_TYPES.map((streamType) => {
    const messages = EVENT_CONTRACTS.filter((c) => c.streamType === streamType).map((c) => {
      const properties = Object.entries(
        (c.schema.properties ?? {}) as Record<string, PropertySchema>,
      );
      const required = new Set((c.schema.required ?? []) as string[]);
      const rows = properties
        .map(([name, p]) => {
          const type = p.enum
            ? `one of ${p.enum.join(', ')}`
            : [p.type].flat().join(' | ') + (p.format ? ` (${p.format})` : '');
          const limits = [
            p.minimum !== undefined && `≥ ${p.minimum}`,
            p.maximum !== undefined && `≤ ${p.maximum}`,
            p.maxLength && `at most ${p.maxLength} characters`,
          ]
            .filter(Boolean)
            .join(', ');
          return `<tr><td><code>${escape(name)}</code>${required.has(name) ? '' : ' (optional)'}</td><td>${escape(type)}</td><td>${escape([p.description, limits].filter(Boolean).join('; '))}</td></tr>`;
        })
        .join('');
      return `<h3 id="${escape(c.type)}.v${c.version}">${escape(c.type)} <small>schema version ${c.version}</small></h3>
<p>${escape(c.schema.description)}</p>
<table><tr><th>field</th><th>type</th><th>meaning</th></tr>${rows}</table>`;
    });
    return `<h2>Topic <code>${escape(topicFor(streamType))}</code></h2>
<p>Every event of every ${streamType}, keyed by the ${streamType} id, ordered per key, delivered at least once.</p>
${messages.join('\n')}`;
  });
  const headers = Object.values(CLOUDEVENTS_HEADERS)
    .map(
      ({ header, description }) =>
        `<tr><td><code>${header}</code></td><td>${escape(description)}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>riskledger events</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.4}
table{border-collapse:collapse;width:100%;margin-bottom:1rem}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
code{background:#f4f4f4;padding:0 .2rem}small{color:#666;font-weight:normal}</style></head>
<body><h1>riskledger events</h1>
<p>CloudEvents 1.0 in Kafka binary mode: the message value is the event data (JSON), the other attributes are
<code>ce_</code> headers, the key is the stream id. The machine-readable AsyncAPI 3 document is at
<a href="/asyncapi.json">/asyncapi.json</a>; each data schema is at <code>/schemas/&lt;type&gt;.v&lt;version&gt;.json</code>.</p>
<h2>Headers on every message</h2><table><tr><th>header</th><th>meaning</th></tr>${headers}</table>
${sections.join('\n')}
</body></html>`;
}
