import { type FieldErrors, TextInput } from './form.js';

export interface PersonDraft {
  name: string;
  roleLabel: string;
  jobTitle: string;
  email: string;
}

/** The directory fields of a person, the same when adding one and when editing one. */
export function PersonFields<T extends PersonDraft>({
  value,
  onChange,
  errors,
}: {
  value: T;
  onChange: (next: T) => void;
  errors: FieldErrors;
}) {
  const set = (k: keyof PersonDraft) => (e: React.ChangeEvent<HTMLInputElement>) =>
    onChange({ ...value, [k]: e.target.value });
  return (
    <>
      <TextInput
        id="name"
        label="Name"
        autoComplete="off"
        error={errors.name}
        value={value.name}
        onChange={set('name')}
      />
      <TextInput
        id="roleLabel"
        label="Label in plans (optional)"
        hint="How plans name them, for example GM (HR) or Cllr Jackson"
        value={value.roleLabel}
        onChange={set('roleLabel')}
      />
      <TextInput
        id="jobTitle"
        label="Job title (optional)"
        value={value.jobTitle}
        onChange={set('jobTitle')}
      />
      <TextInput
        id="email"
        label="Email address (optional)"
        hint="Alerts about slipping milestones go here"
        type="email"
        spellCheck={false}
        autoComplete="off"
        error={errors.email}
        value={value.email}
        onChange={set('email')}
      />
    </>
  );
}
