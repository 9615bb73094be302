import { SettingsScreen } from '@/components/settings/settings-form';

export const metadata = { title: 'Settings · CISM & CISSP study' };

export default function SettingsPage() {
  return <SettingsScreen />;
}
