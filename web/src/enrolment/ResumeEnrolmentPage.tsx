import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { saveDraft } from './draft.ts';

/**
 * `/enrolement/reprise#demande=<id>&jeton=<token>` (the "à modifier" email): keeps the draft in
 * sessionStorage, removes the fragment from the address bar and history, opens the form.
 */
export default function ResumeEnrolmentPage() {
  const navigate = useNavigate();
  useEffect(() => {
    const fragment = new URLSearchParams(window.location.hash.slice(1));
    const id = fragment.get('demande');
    const token = fragment.get('jeton');
    if (id && token) saveDraft({ id, token });
    navigate('/enrolement', { replace: true, state: { resumed: Boolean(id && token) } });
  }, [navigate]);
  return <p>Reprise de votre demande…</p>;
}
