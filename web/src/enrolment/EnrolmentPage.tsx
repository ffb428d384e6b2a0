export default function EnrolmentPage() {
  return <h1>EnrolmentPage</h1>;
}
