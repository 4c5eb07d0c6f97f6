import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../components/page';
import { Refusal } from '../../../components/refusal';
import { StreamLink } from '../../../components/stream-link';
import { text } from '../../../lib/api/nullable';
import { useFormat } from '../../../lib/i18n/format';
import { useIncidentChain } from '../api/use-incident-chain';
import { chainTree, type ChainEntry, type ChainNode } from './chain-tree';

/**
 * Orsakskedja: what followed from the incident, from the log, as a tree: the incident's own events,
 * then each thing done because of it (a review, a new mitigation) under what caused it, each node
 * a link to the event and to its risk. Nested lists, so that the keyboard walks it link by link
 * and a screen reader tells the depth.
 */
export function ChainSection({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const chain = useIncidentChain(incidentId, true);
  const tree = chain.data ? chainTree(chain.data) : undefined;
  return (
    <Section title={t('incidents.chain.title')} id="kedja">
      <p className="muted">{t('incidents.chain.intro')}</p>
      {chain.isPending && <p>{t('common.loading')}</p>}
      <Refusal error={chain.error} />
      {tree && (
        <ul className="chain-tree" aria-label={t('incidents.chain.treeLabel')}>
          <li>
            <strong>{t('incidents.chain.incident')}</strong>
            <ul>
              {tree.own.map((entry) => (
                <li key={entry.eventId}>
                  <ChainEvent entry={entry} />
                </li>
              ))}
            </ul>
            {tree.followed.length > 0 && (
              <>
                <strong>{t('incidents.chain.followed')}</strong>
                <ChainNodes nodes={tree.followed} incidentId={incidentId} />
              </>
            )}
          </li>
        </ul>
      )}
    </Section>
  );
}

function ChainNodes({ nodes, incidentId }: { nodes: ChainNode[]; incidentId: string }) {
  const { t } = useTranslation();
  return (
    <ul>
      {nodes.map(({ entry, children }) => (
        <li key={entry.eventId}>
          <span className="muted">{t(`incidents.chain.links.${entry.link}`)}</span>{' '}
          <ChainEvent entry={entry} />
          {entry.streamId !== incidentId && (
            <>
              {' · '}
              <StreamLink streamType={entry.streamType} streamId={entry.streamId} />
            </>
          )}
          {children.length > 0 && <ChainNodes nodes={children} incidentId={incidentId} />}
        </li>
      ))}
    </ul>
  );
}

/** One event: what (a link to it in the log), who and when, and why when it was said. */
function ChainEvent({ entry }: { entry: ChainEntry }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reason = text(entry.reason);
  return (
    <>
      <Link to="/handelselogg/$position" params={{ position: String(entry.position) }}>
        {t(`common.eventTypes.${entry.eventType}`, { defaultValue: entry.eventType })}
      </Link>{' '}
      <span>
        {t('incidents.byAt', {
          at: format.dateTime(entry.recordedAt),
          by: text(entry.actorName) ?? entry.actor,
        })}
      </span>
      {reason && <span className="muted"> – {t('incidents.chain.reason', { reason })}</span>}
    </>
  );
}
