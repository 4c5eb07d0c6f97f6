import { useEffect, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Disclosure } from '../../components/disclosure';
import { HeatMap } from '../../components/heat-map';
import { Page, Section } from '../../components/page';
import { fieldErrors, Refusal } from '../../components/refusal';
import { useFormat } from '../../lib/i18n/format';
import { useCurrentMatrix, type RiskMatrix } from '../../lib/reference-data';
import { BandEditor } from './band-editor';
import { LevelChangesTable } from './level-changes-table';
import { MatrixBandsTable } from './matrix-bands-table';
import {
  useMatrixPreview,
  useMatrixPublication,
  useRiskMatrixVersions,
  type LevelBand,
  type MatrixPreview,
  type MatrixProposal,
  type MatrixPublication,
} from './use-risk-matrices';

/**
 * Riskmatriser: the version in force as its 5×5 grid and its mandates, a new version drafted
 * from it, previewed (which open risks it would move to another level) and only then published,
 * after a confirmation; earlier versions stay as they were published.
 */
export function RiskMatricesPage() {
  const { t } = useTranslation();
  const current = useCurrentMatrix();
  const versions = useRiskMatrixVersions();
  const publication = useMatrixPublication();
  const published = publication.data?.version;
  return (
    <Page title={t('riskMatrices.title')}>
      <p className="muted">{t('riskMatrices.intro')}</p>
      <Refusal error={current.error ?? versions.error} />
      {published !== undefined && (
        <p role="status" className="success">
          {t('riskMatrices.published', { version: published })}
        </p>
      )}
      {current.data && (
        <>
          <MatrixVersion matrix={current.data} heading={t('riskMatrices.current.title')} />
          <NewVersion key={current.data.version} current={current.data} publication={publication} />
        </>
      )}
      <Section title={t('riskMatrices.earlier.title')} id="earlier">
        {(versions.data ?? []).length <= 1 ? (
          <p>{t('riskMatrices.earlier.none')}</p>
        ) : (
          (versions.data ?? [])
            .slice(0, -1)
            .reverse()
            .map((matrix) => <EarlierVersion key={matrix.version} matrix={matrix} />)
        )}
      </Section>
    </Page>
  );
}

function MatrixVersion({ matrix, heading }: { matrix: RiskMatrix; heading: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Section title={heading} id="current">
      <p>
        {t('riskMatrices.current.facts', {
          version: matrix.version,
          at: format.dateTime(matrix.publishedAt),
          by: matrix.publishedBy,
        })}
      </p>
      <div className="heat-maps">
        <HeatMap matrix={matrix} caption={t('riskMatrices.grid', { version: matrix.version })} />
      </div>
      <MatrixBandsTable
        matrix={matrix}
        caption={t('riskMatrices.bands.caption', { version: matrix.version })}
      />
    </Section>
  );
}

function EarlierVersion({ matrix }: { matrix: RiskMatrix }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Disclosure
      summary={t('riskMatrices.earlier.version', {
        version: matrix.version,
        at: format.date(matrix.publishedAt),
        by: matrix.publishedBy,
      })}
    >
      <MatrixBandsTable
        matrix={matrix}
        caption={t('riskMatrices.bands.caption', { version: matrix.version })}
      />
    </Disclosure>
  );
}

/**
 * The draft of the next version. Publishing waits for a preview of exactly the draft as it stands:
 * a change after the preview asks for a new one.
 */
function NewVersion({
  current,
  publication,
}: {
  current: RiskMatrix;
  publication: MatrixPublication;
}) {
  const { t } = useTranslation();
  const preview = useMatrixPreview();
  const [bands, setBands] = useState<LevelBand[]>(() => current.bands.map((band) => ({ ...band })));
  const [confirming, setConfirming] = useState(false);
  const proposal: MatrixProposal = {
    likelihoodScale: current.likelihoodScale,
    consequenceScale: current.consequenceScale,
    bands,
  };
  const previewed =
    preview.data !== undefined && JSON.stringify(preview.variables) === JSON.stringify(proposal);
  const errors = fieldErrors(preview.error ?? publication.error, (message) =>
    t('common.errors.field', { message }),
  );
  const nextVersion = current.version + 1;
  const change = (index: number, band: LevelBand) => {
    setConfirming(false);
    setBands(bands.map((before, i) => (i === index ? band : before)));
  };
  return (
    <Section title={t('riskMatrices.editor.title', { version: nextVersion })} id="new-version">
      <p>{t('riskMatrices.editor.intro')}</p>
      <Form
        className="form"
        aria-label={t('riskMatrices.editor.title', { version: nextVersion })}
        validationErrors={errors}
        onSubmit={(event) => {
          event.preventDefault();
          preview.mutate(proposal);
        }}
      >
        <div className="band-editors">
          {bands.map((band, i) => (
            <BandEditor
              key={band.level}
              band={band}
              index={i}
              last={i === bands.length - 1}
              onChange={(next) => change(i, next)}
            />
          ))}
        </div>
        <div className="heat-maps">
          <HeatMap
            matrix={{ ...current, bands }}
            caption={t('riskMatrices.editor.grid', { version: nextVersion })}
          />
        </div>
        <Refusal error={preview.error} />
        <div>
          <button type="submit" className="button" disabled={preview.isPending}>
            {preview.isPending ? t('common.loading') : t('riskMatrices.editor.preview')}
          </button>
        </div>
      </Form>
      {previewed && preview.data && (
        <Preview
          preview={preview.data}
          confirming={confirming}
          pending={publication.isPending}
          error={publication.error}
          onAsk={() => setConfirming(true)}
          onCancel={() => setConfirming(false)}
          onConfirm={() => publication.mutate(proposal)}
        />
      )}
    </Section>
  );
}

function Preview({
  preview,
  confirming,
  pending,
  error,
  onAsk,
  onCancel,
  onConfirm,
}: {
  preview: MatrixPreview;
  confirming: boolean;
  pending: boolean;
  error: unknown;
  onAsk: () => void;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const confirmation = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) confirmation.current?.focus();
  }, [confirming]);
  const version = preview.proposedVersion;
  return (
    <div className="matrix-preview">
      <h3>{t('riskMatrices.preview.title', { version })}</h3>
      <p role="status">
        {t('riskMatrices.preview.summary', {
          count: preview.changes.length,
          changed: format.number(preview.changes.length),
          assessed: format.number(preview.assessedOpenRisks),
        })}
      </p>
      <p>{t('riskMatrices.preview.truth', { count: preview.assessedOpenRisks })}</p>
      {preview.changes.length > 0 && <LevelChangesTable changes={preview.changes} />}
      <Refusal error={error} />
      {confirming ? (
        <div
          ref={confirmation}
          tabIndex={-1}
          role="group"
          aria-labelledby="publish-confirmation"
          className="confirmation"
        >
          <p id="publish-confirmation">{t('riskMatrices.publish.confirm', { version })}</p>
          <div className="filters-actions">
            <button type="button" className="button primary" disabled={pending} onClick={onConfirm}>
              {pending ? t('common.saving') : t('riskMatrices.publish.yes', { version })}
            </button>
            <button type="button" className="button" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <p>
          <button type="button" className="button primary" onClick={onAsk}>
            {t('riskMatrices.publish.ask', { version })}
          </button>
        </p>
      )}
    </div>
  );
}
