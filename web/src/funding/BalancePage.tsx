export default function BalancePage() {
  return <h1>BalancePage</h1>;
}
