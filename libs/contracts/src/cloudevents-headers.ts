/**
 * How an event travels on Kafka: the CloudEvents Kafka protocol binding in binary mode. The data
 * is the message value (JSON); every other attribute is a `ce_` header; the key is the stream id.
 * Extension attribute names are lower-case letters and digits only, as CloudEvents requires.
 */
export const CLOUDEVENTS_HEADERS = {
  id: { header: 'ce_id', description: 'Event id (UUID); the same id on a redelivered duplicate' },
  source: {
    header: 'ce_source',
    description: 'Producer: /riskledger/<store id>/<stream type>, e.g. /riskledger/0d6f…/risk',
  },
  type: { header: 'ce_type', description: 'Event type name, e.g. RiskAssessed' },
  specversion: { header: 'ce_specversion', description: 'CloudEvents version: 1.0' },
  time: { header: 'ce_time', description: 'When the event was recorded (RFC 3339)' },
  subject: { header: 'ce_subject', description: 'The risk or incident id (the stream id)' },
  dataschema: { header: 'ce_dataschema', description: "URI of the data's JSON Schema" },
  streamversion: {
    header: 'ce_streamversion',
    description: 'Version of the stream after this event (gapless, ordered)',
  },
  position: { header: 'ce_position', description: 'Global position in the event store' },
  schemaversion: {
    header: 'ce_schemaversion',
    description: "Version of the event type's data schema",
  },
  actor: { header: 'ce_actor', description: "Who caused the event: the token's subject" },
  actorname: {
    header: 'ce_actorname',
    description: "The actor's display name when the event was recorded (absent on older events)",
  },
  classification: {
    header: 'ce_classification',
    description: 'RESTRICTED on protective-security events (only on the restricted topic)',
  },
  correlationid: { header: 'ce_correlationid', description: 'Groups the events of one flow' },
  causationid: {
    header: 'ce_causationid',
    description: 'The command or event that caused this one (absent if none)',
  },
  reason: { header: 'ce_reason', description: "Why, in the actor's words (absent if none given)" },
  importfile: {
    header: 'ce_importfile',
    description:
      'SHA-256 (hex) of the spreadsheet a bulk import made the event from (absent if none)',
  },
  importrow: {
    header: 'ce_importrow',
    description: 'The row of that spreadsheet, as the spreadsheet numbers it (with ce_importfile)',
  },
} as const;

export type CloudEventAttribute = keyof typeof CLOUDEVENTS_HEADERS;

export const CLOUDEVENTS_SPEC_VERSION = '1.0';
export const CONTENT_TYPE = 'application/json';
