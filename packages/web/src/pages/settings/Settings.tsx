import { NavLink, Navigate, Route, Routes } from 'react-router';
import { PageHeader, cx } from '../../components/ui';
import ApiKeys from './ApiKeys';
import Credentials from './Credentials';
import Profile from './Profile';

const sections = [
  { path: 'credentials', label: 'Credentials' },
  { path: 'api-keys', label: 'API keys' },
  { path: 'profile', label: 'Profile' },
] as const;

/** `/settings/*`: the user's integration credentials, API keys and profile, each on its own sub-page. */
export default function Settings() {
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="Settings" />
      <nav aria-label="Settings" className="flex gap-1 border-b border-slate-200 dark:border-slate-800">
        {sections.map((section) => (
          <NavLink
            key={section.path}
            to={`/settings/${section.path}`}
            data-testid={`settings-tab-${section.path}`}
            className={({ isActive }) =>
              cx(
                '-mb-px border-b-2 px-3 py-2 text-sm',
                isActive
                  ? 'border-indigo-600 font-medium text-indigo-700 dark:border-indigo-400 dark:text-indigo-300'
                  : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100',
              )
            }
          >
            {section.label}
          </NavLink>
        ))}
      </nav>
      <Routes>
        <Route index element={<Navigate to="/settings/credentials" replace />} />
        <Route path="credentials" element={<Credentials />} />
        <Route path="api-keys" element={<ApiKeys />} />
        <Route path="profile" element={<Profile />} />
        <Route path="*" element={<Navigate to="/settings/credentials" replace />} />
      </Routes>
    </div>
  );
}
