import { startPracticeFrame } from '../../practice/frame';

void startPracticeFrame();
