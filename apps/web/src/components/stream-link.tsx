import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** The record an entry belongs to, as a link to its page where the console has one. */
export function StreamLink({ streamType, streamId }: { streamType: string; streamId: string }) {
  const { t } = useTranslation();
  const label = t(`common.streamTypes.${streamType}`, { defaultValue: streamType });
  const short = `${label} ${streamId.slice(0, 8)}`;
  if (streamType === 'risk')
    return (
      <Link to="/risker/$riskId" params={{ riskId: streamId }}>
        {short}
      </Link>
    );
  if (streamType === 'incident')
    return (
      <Link to="/incidenter/$incidentId" params={{ incidentId: streamId }}>
        {short}
      </Link>
    );
  return <span>{short}</span>;
}
