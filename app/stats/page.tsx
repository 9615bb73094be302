import { StatsScreen } from '@/components/stats/stats-screen';

export const metadata = { title: 'Progress · CISM & CISSP study' };

export default function StatsPage() {
  return <StatsScreen />;
}
