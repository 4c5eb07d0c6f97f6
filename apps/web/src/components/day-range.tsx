/**
 * A span of days as two native date fields (the phone's own picker), each bounding the other.
 * Its value is YYYY-MM-DD or '' for open; the labels say whether the last day is included.
 */
export function DayRange({
  idPrefix,
  from,
  to,
  labels,
  onChange,
}: {
  idPrefix: string;
  from: string;
  to: string;
  labels: { from: string; to: string };
  onChange: (next: { from?: string; to?: string }) => void;
}) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-from`}>{labels.from}</label>
        <input
          id={`${idPrefix}-from`}
          type="date"
          value={from}
          max={to || undefined}
          onChange={(event) => onChange({ from: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-to`}>{labels.to}</label>
        <input
          id={`${idPrefix}-to`}
          type="date"
          value={to}
          min={from || undefined}
          onChange={(event) => onChange({ to: event.target.value })}
        />
      </div>
    </>
  );
}
