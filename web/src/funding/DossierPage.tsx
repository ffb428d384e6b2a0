export default function DossierPage() {
  return <h1>DossierPage</h1>;
}
