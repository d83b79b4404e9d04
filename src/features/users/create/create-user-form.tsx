import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { useAdminContext } from '@/aws/admin-context';
import type { GroupSummary, PoolSettings } from '@/aws/user-detail';
import { useConfirmDialog } from '@/components/confirm-dialog';
import { adminGrantWarning } from '../bulk/bulk-actions';
import { generatePassword } from '../detail/password/password-generator';
import { userPaths, type NoticeState } from '../detail/paths';
import { AttributeFields } from './attribute-fields';
import {
  createFormSchema,
  defaultCreateFields,
  fieldForCreateError,
  signInOptions,
  toCreateRows,
  toCreateUserInput,
  type CreateFormFields,
} from './create-form-state';
import { GroupsField } from './groups-field';
import { IdentityFields } from './identity-fields';
import { InvitationFields } from './invitation-fields';
import { PasswordFields } from './password-fields';
import { describeCreated, useCreateUser } from './use-create-user';

export function CreateUserForm({ settings, groups }: { settings: PoolSettings; groups: GroupSummary[] }) {
  const rows = useMemo(() => toCreateRows(settings), [settings]);
  const [defaultValues] = useState(() => defaultCreateFields(settings, rows, generatePassword(settings.passwordPolicy)));
  const resolver = useMemo(() => zodResolver(createFormSchema(settings, rows)), [settings, rows]);
  const form = useForm<CreateFormFields>({ defaultValues, resolver });
  const create = useCreateUser();
  const navigate = useNavigate();
  const [formError, setFormError] = useState('');
  const { adminGroup } = useAdminContext();
  const [pending, setPending] = useState<CreateFormFields | null>(null);

  const submit = (fields: CreateFormFields) => {
    setFormError('');
    const input = toCreateUserInput(fields, rows);
    create.mutate(
      { input, groups: fields.groups },
      {
        onSuccess: (result) => {
          const state: NoticeState = { notice: describeCreated(result, input), noticeTone: result.failed.length > 0 ? 'error' : 'success' };
          void navigate(userPaths.user(result.user.username), { state });
        },
        onError: (error) => {
          const path = fieldForCreateError(error, rows, fields.signInWith);
          if (path) form.setError(path, { message: error.message }, { shouldFocus: true });
          else setFormError(error.message);
        },
      },
    );
  };

  // A new administrator is confirmed like a delete: the admin group's name typed.
  const [openGrant, grantDialog] = useConfirmDialog({
    title: 'Create an administrator?',
    message: (
      <p>
        <strong>{adminGrantWarning(adminGroup)}</strong>
      </p>
    ),
    confirmLabel: 'Create with administrator access',
    destructive: true,
    confirmationText: adminGroup,
    onConfirm: () => {
      if (pending) submit(pending);
    },
  });

  const onSubmit = form.handleSubmit((fields) => {
    if (fields.groups.includes(adminGroup)) {
      setPending(fields);
      openGrant();
    } else submit(fields);
  });

  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby="create-user-title" className="form create-user-form">
      <div role="alert">{formError && <p className="alert alert--error">{formError}</p>}</div>
      <IdentityFields form={form} rows={rows} options={signInOptions(settings)} />
      <AttributeFields form={form} rows={rows} />
      <PasswordFields form={form} policy={settings.passwordPolicy} />
      <InvitationFields form={form} />
      <GroupsField form={form} groups={groups} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create user'}
        </button>{' '}
        <Link to={userPaths.list()}>Cancel</Link>
      </div>
      {grantDialog}
    </form>
  );
}
