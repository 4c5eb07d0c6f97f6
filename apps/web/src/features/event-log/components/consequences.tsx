import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../components/page';
import { Refusal } from '../../../components/refusal';
import { StreamLink } from '../../../components/stream-link';
import { api, unwrap, type Schemas } from '../../../lib/api/client';
import { text } from '../../../lib/api/nullable';
import { causationTree, type CausationNode } from '../../../lib/causation-tree';
import { useFormat } from '../../../lib/i18n/format';

type Entry = Schemas['TraceabilityEntryResponse'];

/**
 * What followed from this event, to the end of the chain: what was recorded because of it, and
 * because of that in turn, as a tree of nested lists (the keyboard walks it link by link, a
 * screen reader tells the depth), each node a link to its event and its record.
 */
export function Consequences({ position }: { position: number }) {
  const { t } = useTranslation();
  const followed = useQuery({
    queryKey: ['event-log', 'followed', position],
    queryFn: () =>
      unwrap(api.GET('/traceability/{position}/followed', { params: { path: { position } } })),
  });
  const tree = followed.data ? causationTree(followed.data.entries) : undefined;
  return (
    <Section title={t('eventLog.event.followed')} id="followed">
      <Refusal error={followed.error} />
      {tree?.length === 0 && <p className="muted">{t('eventLog.event.nothingFollowed')}</p>}
      {tree && tree.length > 0 && (
        <ul className="chain-tree" aria-label={t('eventLog.event.followedTree')}>
          <FollowedNodes nodes={tree} />
        </ul>
      )}
      {followed.data?.complete === false && (
        <p className="notice warning">
          {t('eventLog.event.followedCut', { count: followed.data.entries.length })}
        </p>
      )}
    </Section>
  );
}

function FollowedNodes({ nodes }: { nodes: CausationNode<Entry>[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return nodes.map(({ entry, children }) => (
    <li key={entry.eventId}>
      <Link to="/handelselogg/$position" params={{ position: String(entry.position) }}>
        {t(`common.eventTypes.${entry.eventType}`, { defaultValue: entry.eventType })}
      </Link>{' '}
      {t('eventLog.event.byAt', {
        by: text(entry.actorName) ?? entry.actor,
        at: format.dateTime(entry.recordedAt),
      })}{' '}
      · <StreamLink streamType={entry.streamType} streamId={entry.streamId} />
      {children.length > 0 && (
        <ul>
          <FollowedNodes nodes={children} />
        </ul>
      )}
    </li>
  ));
}
