import { Button } from '@codegouvfr/react-dsfr/Button';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { api } from '../api/client.ts';
import { unwrap } from '../api/problem.ts';
import { TextField } from '../components/Form.tsx';

export interface CaptchaAnswer {
  id: string;
  answer: string;
}

/**
 * "Captcha *": the image to copy (one-time, 2 minutes) and its field. `round` changes after
 * each use so that a new code is drawn; the image is also refreshable by the user. "Écouter le
 * code" plays the same code spelled aloud (RGAA: an alternative for who cannot read the image).
 */
export function Captcha({
  errors,
  round,
  onReady,
}: {
  errors: Record<string, string>;
  round: number;
  onReady: (id: string) => void;
}) {
  const instance = useId();
  // Never served from cache: a code is single-use, each form and each round draws its own.
  const captcha = useQuery({
    queryKey: ['captcha', instance, round],
    queryFn: async () => unwrap(await api.POST('/v1/captchas')),
    gcTime: 0,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const id = captcha.data?.id;
  useEffect(() => {
    if (id) onReady(id);
  }, [id, onReady]);
  const message = errors['captcha.answer'] ?? errors['captcha.id'] ?? errors.captcha;
  const audio = useCaptchaAudio(id);
  return (
    <div className="fr-mb-3w">
      {captcha.data && (
        <img src={captcha.data.image} alt="Code de sécurité à recopier dans le champ Captcha" height={60} />
      )}
      <Button
        type="button"
        priority="tertiary"
        size="small"
        iconId="fr-icon-refresh-line"
        onClick={() => captcha.refetch()}
      >
        Afficher un autre code
      </Button>
      <Button
        type="button"
        priority="tertiary"
        size="small"
        iconId="fr-icon-volume-up-line"
        disabled={!id || audio.loading}
        onClick={audio.play}
      >
        Écouter le code
      </Button>
      {audio.url && (
        // biome-ignore lint/a11y/useMediaCaption: the sound spells the code shown in the image, its caption.
        <audio className="fr-mt-1w" controls autoPlay src={audio.url} aria-label="Code de sécurité épelé" />
      )}
      {audio.error && <p className="fr-error-text">{audio.error}</p>}
      <TextField
        label="Captcha *"
        name="captcha.answer"
        errors={message ? { 'captcha.answer': message } : {}}
        autoComplete="off"
      />
    </div>
  );
}

/** The current code's sound, fetched through the API client and played from a blob URL. */
function useCaptchaAudio(id: string | undefined) {
  const [state, setState] = useState<{ for?: string; url?: string; loading?: boolean; error?: string }>({});
  useEffect(() => () => (state.url ? URL.revokeObjectURL(state.url) : undefined), [state.url]);
  async function play() {
    if (!id) return;
    setState({ for: id, loading: true });
    const result = await api.GET('/v1/captchas/{captchaId}/audio', {
      params: { path: { captchaId: id } },
      parseAs: 'blob',
    });
    if (!result.response.ok || !result.data)
      setState({ for: id, error: "Le code n'a pas pu être lu : affichez un autre code." });
    else setState({ for: id, url: URL.createObjectURL(result.data) });
  }
  // A new code: the previous sound no longer applies.
  return { ...(state.for === id ? state : {}), play };
}
