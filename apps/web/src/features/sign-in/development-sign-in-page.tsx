import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { CheckboxInput, NumberInput, SelectInput, TextInput } from '../../components/fields';
import { Page } from '../../components/page';
import { fieldErrors, Refusal } from '../../components/refusal';
import { api, unwrap } from '../../lib/api/client';

const ROLES = [
  'SECURITY_COORDINATOR',
  'AREA_RESPONSIBLE',
  'RISK_OWNER',
  'REPORTER',
  'INVESTIGATOR',
  'ADMINISTRATOR',
];
const OIDC_PARAMETERS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'state',
  'code_challenge',
  'code_challenge_method',
  'nonce',
  'scope',
] as const;

/**
 * The development issuer's own sign-in page (never in production): pick who to be, with which
 * role and scope. The identity provider's authorize request arrives here in the query string.
 */
export function DevelopmentSignInPage() {
  const { t } = useTranslation();
  const [user, setUser] = useState({
    subject: '',
    name: '',
    role: 'SECURITY_COORDINATOR',
    units: '',
    areas: '',
    cleared: false,
  });
  const [sessionMinutes, setSessionMinutes] = useState<number | undefined>(480);
  const query = new URLSearchParams(window.location.search);
  const authorize = useMutation({
    mutationFn: () => {
      const request = Object.fromEntries(
        OIDC_PARAMETERS.map((name) => [name, query.get(name) ?? undefined]),
      );
      const list = (value: string) =>
        value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean);
      return unwrap(
        api.POST('/dev-issuer/authorize', {
          body: {
            ...request,
            user: {
              subject: user.subject.trim(),
              name: user.name.trim() || user.subject.trim(),
              role: user.role,
              units: list(user.units).length ? list(user.units) : undefined,
              areas: list(user.areas).length ? list(user.areas) : undefined,
              cleared: user.cleared,
              sessionMinutes,
            },
          } as never,
        }),
      );
    },
    onSuccess: (answer) => window.location.assign((answer as { location: string }).location),
  });
  return (
    <Page title={t('signIn.development.title')}>
      <p className="notice warning">{t('signIn.development.warning')}</p>
      <Form
        className="form narrow"
        validationErrors={fieldErrors(authorize.error, (message) =>
          t('common.errors.field', { message }),
        )}
        onSubmit={(event) => {
          event.preventDefault();
          authorize.mutate();
        }}
      >
        <TextInput
          label={t('signIn.development.subject')}
          description={t('signIn.development.subjectHelp')}
          name="user.subject"
          isRequired
          value={user.subject}
          onChange={(subject) => setUser({ ...user, subject })}
          autoComplete="username"
        />
        <TextInput
          label={t('signIn.development.name')}
          name="user.name"
          value={user.name}
          onChange={(name) => setUser({ ...user, name })}
          autoComplete="name"
        />
        <SelectInput
          label={t('signIn.development.role')}
          name="user.role"
          value={user.role}
          onChange={(role) => setUser({ ...user, role })}
          options={ROLES.map((role) => ({ value: role, label: t(`common.roles.${role}`) }))}
        />
        <TextInput
          label={t('signIn.development.units')}
          description={t('signIn.development.unitsHelp')}
          name="user.units"
          value={user.units}
          onChange={(units) => setUser({ ...user, units })}
        />
        <TextInput
          label={t('signIn.development.areas')}
          description={t('signIn.development.areasHelp')}
          name="user.areas"
          value={user.areas}
          onChange={(areas) => setUser({ ...user, areas })}
        />
        <CheckboxInput
          isSelected={user.cleared}
          onChange={(cleared) => setUser({ ...user, cleared })}
        >
          {t('signIn.development.cleared')}
        </CheckboxInput>
        <NumberInput
          label={t('signIn.development.sessionMinutes')}
          name="user.sessionMinutes"
          value={sessionMinutes}
          onChange={setSessionMinutes}
          minValue={0.25}
          maxValue={720}
        />
        <Refusal error={authorize.error} />
        <button type="submit" className="button primary" disabled={authorize.isPending}>
          {t('signIn.development.submit')}
        </button>
      </Form>
    </Page>
  );
}
