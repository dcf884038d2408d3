import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { api, errorMessage, unwrap } from '../../api/client';
import { Button, ErrorNote, Field, Input, Select, Spinner, formatTime } from '../../components/ui';

/** The value the server keeps until the user picks a zone (AutoGPT's "not-set"). */
const NOT_SET = 'not-set';

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** IANA zones this browser knows, plus UTC (which some engines leave out of the list). */
const knownZones = [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])].sort((a, b) =>
  a.localeCompare(b),
);

const offsets = new Map<string, string>();

/** The zone's current UTC offset, e.g. "UTC+02:00", for the option labels (computed once per zone). */
function offsetOf(zone: string): string {
  let offset = offsets.get(zone);
  if (offset === undefined) {
    offset = computeOffset(zone);
    offsets.set(zone, offset);
  }
  return offset;
}

function computeOffset(zone: string): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(new Date())
      .find((each) => each.type === 'timeZoneName');
    return part?.value.replace('GMT', 'UTC') || 'UTC';
  } catch {
    return '';
  }
}

function TimezoneForm({ saved }: { saved: string }) {
  const queryClient = useQueryClient();
  const [zone, setZone] = useState(saved === NOT_SET ? '' : saved);
  const [filter, setFilter] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const save = useMutation({
    mutationFn: (timezone: string) => unwrap(api.POST('/api/auth/user/timezone', { body: { timezone } })),
    onSuccess: (result) => queryClient.setQueryData(['timezone'], result),
  });
  const options = useMemo(() => {
    const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
    const matching = knownZones.filter((name) => {
      const text = name.toLowerCase().replaceAll('_', ' ');
      return words.every((word) => text.includes(word) || name.toLowerCase().includes(word));
    });
    // The chosen zone stays selectable whatever the filter (and if the browser does not list it).
    return zone && !matching.includes(zone) ? [zone, ...matching] : matching;
  }, [filter, zone]);
  const problem = zone === '' ? 'Choose a timezone.' : null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!problem) save.mutate(zone);
  };
  const changed = zone !== saved;
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-lg flex-col gap-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Schedules and notifications use this timezone. Currently:{' '}
        <strong data-testid="saved-timezone">{saved === NOT_SET ? 'not set' : saved}</strong>.
      </p>
      <Field label="Search timezones">
        {(id) => (
          <Input
            id={id}
            type="search"
            placeholder="e.g. Paris, New York, Tokyo"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        )}
      </Field>
      <Field
        label="Timezone"
        error={submitted ? problem : null}
        hint={`${options.length} ${options.length === 1 ? 'timezone' : 'timezones'}${filter ? ' match' : ''}.`}
      >
        {(id) => (
          <Select
            id={id}
            value={zone}
            data-testid="timezone-select"
            aria-invalid={submitted && problem !== null}
            onChange={(event) => setZone(event.target.value)}
          >
            <option value="" disabled>
              {options.length === 0 ? 'No timezone matches the search' : 'Choose a timezone'}
            </option>
            {options.map((name) => (
              <option key={name} value={name}>
                {name.replaceAll('_', ' ')}
                {offsetOf(name) && ` (${offsetOf(name)})`}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-2">
        <Button
          data-testid="use-browser-timezone"
          disabled={zone === browserZone}
          onClick={() => {
            setFilter('');
            setZone(browserZone);
          }}
        >
          Use this browser’s timezone ({browserZone})
        </Button>
        <Button
          type="submit"
          variant="primary"
          data-testid="save-timezone"
          disabled={save.isPending || !changed}
        >
          {save.isPending ? 'Saving…' : 'Save timezone'}
        </Button>
      </div>
      {save.isError && <ErrorNote error={errorMessage(save.error)} />}
      <p role="status" className="min-h-5 text-sm text-emerald-700 dark:text-emerald-400">
        {save.isSuccess && !changed && `Saved: your timezone is ${saved}.`}
      </p>
    </form>
  );
}

/** `/settings/profile`: the account's email and its timezone. */
export default function Profile() {
  const user = useQuery({ queryKey: ['user'], queryFn: () => unwrap(api.POST('/api/auth/user')) });
  const timezone = useQuery({
    queryKey: ['timezone'],
    queryFn: () => unwrap(api.GET('/api/auth/user/timezone')),
  });
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="account-title" className="flex flex-col gap-2">
        <h2 id="account-title" className="text-base font-semibold">
          Account
        </h2>
        {user.isPending ? (
          <Spinner label="Loading your account" />
        ) : user.isError ? (
          <ErrorNote error={errorMessage(user.error)} onRetry={() => void user.refetch()} />
        ) : (
          <dl className="grid max-w-lg grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
            <dt className="text-slate-500 dark:text-slate-400">Email</dt>
            <dd data-testid="profile-email" className="break-all">
              {user.data.email}
            </dd>
            <dt className="text-slate-500 dark:text-slate-400">Role</dt>
            <dd>{user.data.role}</dd>
            <dt className="text-slate-500 dark:text-slate-400">Member since</dt>
            <dd>{formatTime(user.data.created_at)}</dd>
          </dl>
        )}
      </section>
      <section aria-labelledby="timezone-title" className="flex flex-col gap-2">
        <h2 id="timezone-title" className="text-base font-semibold">
          Timezone
        </h2>
        {timezone.isPending ? (
          <Spinner label="Loading your timezone" />
        ) : timezone.isError ? (
          <ErrorNote error={errorMessage(timezone.error)} onRetry={() => void timezone.refetch()} />
        ) : (
          <TimezoneForm saved={timezone.data.timezone} />
        )}
      </section>
    </div>
  );
}
