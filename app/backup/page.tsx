import { BackupScreen } from '@/components/backup/backup-screen';

export const metadata = { title: 'Backup · CISM & CISSP study' };

export default function BackupPage() {
  return <BackupScreen />;
}
