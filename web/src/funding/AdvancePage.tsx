export default function AdvancePage() {
  return <h1>AdvancePage</h1>;
}
