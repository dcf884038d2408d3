import { Link } from 'react-router';
import { EmptyState } from '../components/ui';

export default function NotFound() {
  return (
    <EmptyState title="This page does not exist">
      <Link className="text-indigo-600 hover:underline" to="/library">
        Go to your agents
      </Link>
    </EmptyState>
  );
}
