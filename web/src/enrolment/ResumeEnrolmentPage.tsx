export default function ResumeEnrolmentPage() {
  return <h1>ResumeEnrolmentPage</h1>;
}
