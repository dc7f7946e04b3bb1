CREATE TABLE `benefit_grants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pool_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`instance_id` integer NOT NULL,
	`node_id` text NOT NULL,
	`quantity` integer NOT NULL,
	`granted_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `benefit_grants_customer_idx` ON `benefit_grants` (`pool_id`,`customer_id`,`granted_at`);--> statement-breakpoint
CREATE TABLE `benefit_pools` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`budget` integer NOT NULL,
	`granted` integer NOT NULL,
	`per_customer_limit` integer,
	`per_customer_period` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `instance_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`instance_id` integer NOT NULL,
	`at` integer NOT NULL,
	`cause` text NOT NULL,
	`event_id` text,
	`from_node` text,
	`to_node` text NOT NULL,
	`detail` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `instance_steps_instance_idx` ON `instance_steps` (`instance_id`);--> statement-breakpoint
CREATE TABLE `instances` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`journey_id` text NOT NULL,
	`version` integer NOT NULL,
	`customer_id` text NOT NULL,
	`status` text NOT NULL,
	`node` text NOT NULL,
	`state` text NOT NULL,
	`variants` text NOT NULL,
	`steps` integer NOT NULL,
	`entered_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`ended_at` integer,
	`converted_at` integer
);
--> statement-breakpoint
CREATE INDEX `instances_customer_idx` ON `instances` (`customer_id`,`status`);--> statement-breakpoint
CREATE INDEX `instances_journey_idx` ON `instances` (`journey_id`,`version`,`status`);--> statement-breakpoint
CREATE TABLE `journey_versions` (
	`journey_id` text NOT NULL,
	`version` integer NOT NULL,
	`document` text NOT NULL,
	`compiled` text NOT NULL,
	`published_at` integer NOT NULL,
	`published_by` text,
	PRIMARY KEY(`journey_id`, `version`),
	FOREIGN KEY (`journey_id`) REFERENCES `journeys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `journeys` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`status` text NOT NULL,
	`draft` text NOT NULL,
	`live_version` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idempotency_key` text NOT NULL,
	`instance_id` integer NOT NULL,
	`journey_id` text NOT NULL,
	`version` integer NOT NULL,
	`customer_id` text NOT NULL,
	`node_id` text NOT NULL,
	`channel` text NOT NULL,
	`title` text,
	`body` text NOT NULL,
	`await_result` integer NOT NULL,
	`status` text NOT NULL,
	`attempts` integer NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_idempotency_key_unique` ON `messages` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `messages_due_idx` ON `messages` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `messages_customer_idx` ON `messages` (`customer_id`,`channel`,`sent_at`);--> statement-breakpoint
CREATE INDEX `messages_journey_idx` ON `messages` (`journey_id`);--> statement-breakpoint
CREATE TABLE `metric_counters` (
	`journey_id` text NOT NULL,
	`version` integer NOT NULL,
	`key` text NOT NULL,
	`value` integer NOT NULL,
	PRIMARY KEY(`journey_id`, `version`, `key`)
);
--> statement-breakpoint
CREATE TABLE `timers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`instance_id` integer NOT NULL,
	`timer_key` text NOT NULL,
	`event_type` text NOT NULL,
	`due_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `timers_instance_key_idx` ON `timers` (`instance_id`,`timer_key`);--> statement-breakpoint
CREATE INDEX `timers_due_idx` ON `timers` (`due_at`);