import axios from 'axios';
import { pool } from './db';

export async function getUser(id: number) {
  const { rows } = await pool.query('select * from users where id = $1', [id]);
  const profile = await axios.get(`https://profiles.example.com/${id}`);
  return { ...rows[0], profile: profile.data };
}
