import { Button } from '@codegouvfr/react-dsfr/Button';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import { api } from '../api/client.ts';
import { unwrap } from '../api/problem.ts';
import { TextField } from '../components/Form.tsx';

export interface CaptchaAnswer {
  id: string;
  answer: string;
}

/**
 * "Captcha *": the image to copy (one-time, 2 minutes) and its field. `round` changes after
 * each use so that a new code is drawn; the image is also refreshable by the user.
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
      <TextField
        label="Captcha *"
        name="captcha.answer"
        errors={message ? { 'captcha.answer': message } : {}}
        autoComplete="off"
      />
    </div>
  );
}
